package com.kameleoon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Escaping and the page frame. */
class HtmlTest {
    @Test
    void everyMarkupCharacterIsEscapedForContentAndForQuotedAttributes() {
        assertThat(Html.escape("<script>alert('x')</script> & \"q\" `b`"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; &#96;b&#96;");
    }

    @Test
    void plainTextIsReturnedAsItIsAndNullIsNothing() {
        String plain = "visitor-123 é ü";
        assertThat(Html.escape(plain)).isSameAs(plain);
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void controlCharactersBecomeAReplacementCharacter() {
        assertThat(Html.escape("a\u0000b\u001bc\nd")).isEqualTo("a&#xFFFD;b&#xFFFD;c\nd");
    }

    @Test
    void theTitleAndTheMessageAreEscaped() {
        String page = Html.page("/app/kameleoon-console", "<Title>", "<b>done</b>", "<p>body</p>");

        assertThat(page).contains("<h1>&lt;Title&gt;</h1>").contains("&lt;b&gt;done&lt;/b&gt;")
                .contains("<p>body</p>").contains("href=\"/app/kameleoon-console/flags\"")
                .doesNotContain("<script");
    }

    @Test
    void agesAreReadable() {
        assertThat(Html.age(null)).isEqualTo("—");
        assertThat(Html.age(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(Html.age(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
        assertThat(Html.age(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
    }
}
