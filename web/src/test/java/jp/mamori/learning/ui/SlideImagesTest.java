package jp.mamori.learning.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SlideImagesTest {

    private final Map<String, byte[]> files = Map.of(
            "images/a.png", new byte[] {1, 2, 3},
            "images/big.jpg", new byte[(int) SlideImages.MAX_BYTES + 1],
            "images/x.svg", "<svg onload=alert(1)>".getBytes());

    @Test
    void raster_images_of_the_deck_become_data_uris() {
        assertThat(SlideImages.from(files::get).apply("images/a.png")).isEqualTo("data:image/png;base64,AQID");
    }

    @Test
    void missing_oversized_unsafe_and_escaping_images_are_not_shown() {
        var images = SlideImages.from(files::get);

        assertThat(images.apply("images/none.png")).isEmpty();
        assertThat(images.apply("images/big.jpg")).isEmpty();
        assertThat(images.apply("images/x.svg")).isEmpty();
        assertThat(images.apply("../secret.png")).isEmpty();
    }
}
