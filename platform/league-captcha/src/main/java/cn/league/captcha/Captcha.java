package cn.league.captcha;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;

import javax.imageio.ImageIO;

/**
 * An image captcha (验证码, R-AUTH-1): a few random characters drawn as a PNG.
 * <p>
 * The glyphs are drawn from {@link Glyphs}' own bitmaps, never from a system font: servers run headless and often
 * without any fonts installed (Keycloak's container image among them), where AWT text rendering fails. Each glyph is
 * scaled, turned and shifted at random and crossed by noise lines, so the answer is not read off by a plain OCR.
 * Where the answer is kept, how long it lives and that it is used once are the caller's business.
 */
public record Captcha(String answer, byte[] png) {

    public static final int LENGTH = 4;
    public static final int WIDTH = 120;
    public static final int HEIGHT = 40;

    private static final RandomGenerator RANDOM = new SecureRandom();

    public static Captcha generate() {
        return generate(RANDOM);
    }

    static Captcha generate(RandomGenerator random) {
        StringBuilder answer = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            answer.append(Glyphs.ALPHABET.charAt(random.nextInt(Glyphs.ALPHABET.length())));
        }
        return new Captcha(answer.toString(), draw(answer.toString(), random));
    }

    /**
     * Whether what the person typed is the answer: case and surrounding blanks do not matter; compared in constant
     * time so the answer cannot be guessed from response times.
     */
    public static boolean matches(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        byte[] a = normalise(expected);
        byte[] b = normalise(given);
        return MessageDigest.isEqual(a, b);
    }

    private static byte[] normalise(String text) {
        return text.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] draw(String answer, RandomGenerator random) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(236 + random.nextInt(20), 236 + random.nextInt(20), 236 + random.nextInt(20)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            noiseDots(g, random);
            int cell = WIDTH / answer.length();
            for (int i = 0; i < answer.length(); i++) {
                drawGlyph(g, answer.charAt(i), i * cell + 3 + random.nextInt(6), 5 + random.nextInt(6), random);
            }
            noiseLines(g, random);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(4096);
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static void drawGlyph(Graphics2D g, char c, int x, int y, RandomGenerator random) {
        boolean[][] pixels = Glyphs.bitmap(c);
        int scale = 4;
        AffineTransform saved = g.getTransform();
        double centreX = x + Glyphs.COLUMNS * scale / 2.0;
        double centreY = y + Glyphs.ROWS * scale / 2.0;
        g.rotate(Math.toRadians(random.nextInt(-25, 26)), centreX, centreY);
        g.setColor(darkColour(random));
        for (int row = 0; row < Glyphs.ROWS; row++) {
            for (int column = 0; column < Glyphs.COLUMNS; column++) {
                if (pixels[row][column]) {
                    g.fillRect(x + column * scale, y + row * (scale - 1), scale, scale - 1);
                }
            }
        }
        g.setTransform(saved);
    }

    private static void noiseLines(Graphics2D g, RandomGenerator random) {
        for (int i = 0; i < 4; i++) {
            g.setColor(darkColour(random));
            g.setStroke(new BasicStroke(1 + random.nextFloat()));
            g.drawLine(random.nextInt(WIDTH), random.nextInt(HEIGHT), random.nextInt(WIDTH), random.nextInt(HEIGHT));
        }
    }

    private static void noiseDots(Graphics2D g, RandomGenerator random) {
        for (int i = 0; i < 120; i++) {
            g.setColor(new Color(random.nextInt(100, 220), random.nextInt(100, 220), random.nextInt(100, 220)));
            g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 1, 1);
        }
    }

    private static Color darkColour(RandomGenerator random) {
        return new Color(random.nextInt(20, 110), random.nextInt(20, 110), random.nextInt(20, 110));
    }
}
