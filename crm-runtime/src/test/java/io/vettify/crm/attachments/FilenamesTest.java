package io.vettify.crm.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilenamesTest {

    @Test
    void keepsOnlyTheNameWithoutDirectoriesControlsOrQuotes() {
        assertThat(Filenames.clean("C:\\Users\\ana\\oferta.pdf")).isEqualTo("oferta.pdf");
        assertThat(Filenames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Filenames.clean(" a\"b\r\n.txt ")).isEqualTo("ab.txt");
        assertThat(Filenames.clean("..")).isEqualTo("attachment");
        assertThat(Filenames.clean(null)).isEqualTo("attachment");
        assertThat(Filenames.clean("x".repeat(300))).hasSize(255);
    }

    @Test
    void contentDispositionHasAnAsciiFallbackAndTheUtf8Name() {
        assertThat(Filenames.contentDisposition("Ofertă 2026.pdf"))
                .isEqualTo("attachment; filename=\"Ofert_ 2026.pdf\"; filename*=UTF-8''Ofert%C4%83%202026.pdf");
    }
}
