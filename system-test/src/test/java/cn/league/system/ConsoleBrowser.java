package cn.league.system;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console (管理中心) in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}),
 * each browser with a fresh profile. Work is done in named steps; a step that fails leaves a screenshot and the page's
 * HTML in {@code target/browser-screenshots/} ({@link #SCREENSHOTS}) before the failure is thrown on. Pages that
 * pass can be kept too ({@link #screenshot}), for the closing note's pictures of the main pages.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = LeagueStack.HOME.getParent().resolve("browser-screenshots");
    static final Dimension DESKTOP = new Dimension(1366, 900);
    /** A phone: 390 CSS pixels wide. */
    static final Dimension PHONE = new Dimension(390, 844);
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path profile;
    private final String name;
    private int steps;

    private ConsoleBrowser(String name, Dimension size) throws IOException {
        this.name = name;
        this.profile = Files.createTempDirectory("league-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + profile,
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(size);
    }

    /** {@code name} names its screenshots: e.g. "home-desktop". */
    static ConsoleBrowser open(String name, Dimension size) throws IOException {
        return new ConsoleBrowser(name, size);
    }

    /** One step of the user's work: on failure a screenshot and the page's HTML are kept, then the failure goes on. */
    void step(String step, Step action) throws Exception {
        steps++;
        try {
            action.run();
        } catch (Exception | AssertionError failure) {
            String file = keep(String.format("%s-%02d-%s-FAILED", name, steps, step));
            failure.addSuppressed(new AssertionError("step '" + step + "' of " + name + " failed at "
                    + driver.getCurrentUrl() + "; screenshot: " + file));
            throw failure;
        }
    }

    /** Keeps a picture of the page as it is now (target/browser-screenshots/&lt;name&gt;-&lt;what&gt;.png). */
    String screenshot(String what) {
        return keep(name + "-" + what);
    }

    /**
     * Logs in through the console: {@code /} sends the browser to Keycloak's form (theme league, R-AUTH-1), which
     * gets the ID number, password and the captcha's answer (from the test-only provider in Keycloak, asked from
     * within the login page so the browser's own Keycloak cookies name the login); the browser comes back to the
     * console.
     */
    void logIn(String idNumber, String password) throws Exception {
        step("open-login", () -> {
            driver.get(LeagueStack.gateway() + "/");
            waitFor(By.id("kc-form-login"));
        });
        step("fill-login", () -> {
            String action = driver.findElement(By.id("kc-form-login")).getDomAttribute("action");
            java.util.regex.Matcher tab = java.util.regex.Pattern.compile("[?&]tab_id=([^&]+)").matcher(action);
            if (!tab.find()) {
                throw new AssertionError("no tab_id in the login form's action " + action);
            }
            Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/realms/league/league-test-captcha?tab_id=' + arguments[0], {credentials: 'include'})
                        .then(r => r.ok ? r.text() : 'HTTP ' + r.status).then(done, e => done('ERR ' + e));""",
                    tab.group(1));
            driver.findElement(By.id("username")).sendKeys(idNumber);
            driver.findElement(By.id("password")).sendKeys(password);
            driver.findElement(By.id("captcha")).sendKeys(String.valueOf(answer));
            driver.findElement(By.id("kc-login")).click();
        });
    }

    /** Opens a page of the console by its route ({@code "people"} for {@code /#/people}) and waits for its section. */
    void open(String route, String pageId) {
        // after a login the browser is still on its way back to the console: let it land and draw its first page, or
        // the router's first navigation (to /) can end after the new fragment and win
        waitFor(By.cssSelector("main section[id^='page-']"), Duration.ofSeconds(60));
        driver.get(LeagueStack.gateway() + "/#/" + route);
        waitFor(By.id(pageId));
    }

    /** Types into a field, replacing what it held (by keys: clear() alone does not tell Vue's v-model). */
    void type(By field, String text) {
        WebElement input = waitFor(field);
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.DELETE);
        input.sendKeys(text);
    }

    /** Picks an option of an Element Plus select: clicks it, types {@code typed} (remote search) if given, clicks the option. */
    void choose(By select, String typed, String option) {
        // the select's id is on its input, which is hidden unless the select is filterable: click its box
        WebElement field = new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(select));
        field.findElement(By.xpath("./ancestor::div[contains(@class,'el-select__wrapper')][1]")).click();
        if (typed != null) {
            field.sendKeys(typed);
        }
        // the shown one: another select's closed list may hold the same option
        By item = By.xpath("//li[contains(@class,'el-select-dropdown__item')][normalize-space(.)='" + option + "']");
        // clicked again while the list still moves in (opening upwards at phone height, a neighbour got the click)
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .ignoring(ElementNotInteractableException.class).until(page -> {
                    WebElement shown = page.findElements(item).stream().filter(WebElement::isDisplayed).findFirst()
                            .orElse(null);
                    if (shown == null) {
                        return false;
                    }
                    shown.click();
                    return true;
                });
    }

    /**
     * Picks an org in a cascader (the destination of a transfer, the new parent of a migration) level by level: the field labelled {@code field},
     * then each level's org by name; the last one is chosen with its radio (any level may be chosen).
     */
    void cascade(String field, String... levels) {
        waitFor(By.xpath("//div[contains(@class,'el-form-item')][.//label[normalize-space(.)='" + field + "']]"
                + "//div[contains(@class,'el-cascader')]")).click();
        for (int level = 0; level < levels.length; level++) {
            WebElement node = waitFor(By.xpath("//li[contains(@class,'el-cascader-node')]"
                    + "[.//span[contains(@class,'el-cascader-node__label')][normalize-space(.)='" + levels[level] + "']]"));
            script("arguments[0].scrollIntoView({block: 'center'})", node);
            if (level < levels.length - 1) {
                node.findElement(By.cssSelector(".el-cascader-node__label")).click();
            } else {
                node.findElement(By.cssSelector(".el-radio")).click();
            }
        }
        // a click beside the open panel closes it: on the title of the dialog the field is in, else on the page's
        // title in view, not scrolled under the page's header
        List<WebElement> dialogTitles = driver.findElements(By.cssSelector(".el-dialog__title")).stream()
                .filter(WebElement::isDisplayed).toList();
        WebElement title = dialogTitles.isEmpty() ? driver.findElement(By.tagName("h1")) : dialogTitles.getLast();
        script("arguments[0].scrollIntoView({block: 'center'})", title);
        title.click();
        waitForGone(By.cssSelector(".el-cascader__dropdown"));
    }

    /** The node of an Element Plus tree with this label, once shown. */
    WebElement treeNode(String label) {
        return waitFor(By.xpath("//div[contains(@class,'el-tree-node__content')]"
                + "[.//span[contains(@class,'el-tree-node__label')][normalize-space(.)='" + label + "']]"));
    }

    /** Opens a tree node (its children load then). */
    void expandTreeNode(String label) {
        treeNode(label).findElement(By.cssSelector(".el-tree-node__expand-icon")).click();
    }

    /** The button with this text (visible ones only: Element Plus keeps closed dialogs in the page). */
    WebElement button(String text) {
        return waitFor(By.xpath("//button[normalize-space(.)='" + text + "']"));
    }

    /** The error a form shows at the field whose input has this id. */
    String fieldError(String inputId) {
        return waitFor(By.xpath("//div[contains(@class,'el-form-item')][.//*[@id='" + inputId + "']]"
                + "//div[contains(@class,'el-form-item__error')]")).getText();
    }

    /** Fetches a path from within the page (the browser's session), answering "status content-type". */
    String fetchHead(String path) {
        return String.valueOf(((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                    .then(r => done(r.status + ' ' + r.headers.get('Content-Type')), e => done('ERR ' + e));""", path));
    }

    WebElement waitFor(By locator) {
        return waitFor(locator, Duration.ofSeconds(30));
    }

    WebElement waitFor(By locator, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Clicks the element once it can be clicked: again if the page re-rendered it meanwhile (a list refreshing), and
     * later if it is still sliding in or covered (a drawer opening at phone width).
     */
    void click(By locator) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .ignoring(ElementNotInteractableException.class).until(page -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(page);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** Closes the drawer that holds the element with this id, and waits until it is gone. */
    void closeDrawerOf(String contentId) {
        click(By.xpath("//*[@id='" + contentId + "']/ancestor::div[contains(concat(' ', @class, ' '), ' el-drawer ')]"
                + "//button[contains(@class, 'el-drawer__close-btn')]"));
        waitForGone(By.id(contentId));
    }

    void waitForText(By locator, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    void waitForGone(By locator) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    WebElement find(By locator) {
        return driver.findElement(locator);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    ChromeDriver driver() {
        return driver;
    }

    private String keep(String file) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = SCREENSHOTS.resolve(file + ".png");
            Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(file + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            return png.toString();
        } catch (Exception failure) {
            return "(no screenshot: " + failure + ")";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }
}
