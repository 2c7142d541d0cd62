package cn.league.captcha;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaptchaTest {

    @Test
    @DisplayName("R-AUTH-1 a captcha is a PNG image of four characters from the unambiguous alphabet")
    void drawsAReadablePng() throws Exception {
        Captcha captcha = Captcha.generate();

        assertThat(captcha.answer()).hasSize(Captcha.LENGTH).matches("[" + Glyphs.ALPHABET + "]+");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(captcha.png()));
        assertThat(image.getWidth()).isEqualTo(Captcha.WIDTH);
        assertThat(image.getHeight()).isEqualTo(Captcha.HEIGHT);
    }

    @Test
    @DisplayName("R-AUTH-1 every character a captcha may show has its own glyph (no system font is needed)")
    void everyCharacterHasAGlyph() {
        for (char c : Glyphs.ALPHABET.toCharArray()) {
            assertThat(Glyphs.bitmap(c)).hasDimensions(Glyphs.ROWS, Glyphs.COLUMNS);
        }
    }

    @Test
    @DisplayName("R-AUTH-1 answers differ from one captcha to the next")
    void answersAreRandom() {
        Set<String> answers = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            answers.add(Captcha.generate().answer());
        }
        assertThat(answers).hasSizeGreaterThan(190);
    }

    @Test
    @DisplayName("R-AUTH-1 the typed answer matches regardless of case and blanks, and nothing else matches")
    void matching() {
        assertThat(Captcha.matches("A7K3", " a7k3 ")).isTrue();
        assertThat(Captcha.matches("A7K3", "A7K4")).isFalse();
        assertThat(Captcha.matches("A7K3", "A7K")).isFalse();
        assertThat(Captcha.matches("A7K3", "")).isFalse();
        assertThat(Captcha.matches("A7K3", null)).isFalse();
        assertThat(Captcha.matches(null, "A7K3")).isFalse();
    }
}
