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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
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

    WebElement waitFor(By locator) {
        return waitFor(locator, Duration.ofSeconds(30));
    }

    WebElement waitFor(By locator, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void waitForText(By locator, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                ExpectedConditions.textToBePresentInElementLocated(locator, text));
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
