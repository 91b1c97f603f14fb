package jp.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The exam by keyboard alone: focus starts on the question, Space chooses, Tab reaches "next", Enter moves on, and
 * the navigator announces the answered question.
 */
class KeyboardExamJourney extends Journey {

    @Test
    void a_candidate_answers_and_moves_on_with_the_keyboard_only() {
        Page page = login("ja", "candidate@demo.mamori.jp");
        page.navigate(RunningApp.baseUrl() + "/exam/competency-standard");
        settle(page);
        String first = questionLabel(page);

        page.keyboard().press("Space");
        settle(page);
        pressTabUntilFocused(page, "次へ");
        page.keyboard().press("Enter");
        settle(page);

        assertThat(questionLabel(page)).startsWith("問 2 / 60.").isNotEqualTo(first);
        assertThat(page.locator(".mamori-navigator vaadin-button").first().getAttribute("aria-label")).contains("解答済み");
        assertThat((Boolean) page.evaluate("() => !!document.activeElement && document.activeElement.closest("
                + "'vaadin-radio-group, vaadin-checkbox-group') !== null")).as("focus is on the new question").isTrue();
    }

    private static void pressTabUntilFocused(Page page, String buttonText) {
        java.util.List<Object> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            page.keyboard().press("Tab");
            Object focused = page.evaluate("() => { const e = document.activeElement; if (!e) return null; "
                    + "const b = e.closest('vaadin-button'); return b ? b.textContent.trim() : e.tagName + ':' + (e.textContent || '').trim().slice(0, 20); }");
            seen.add(focused);
            if (buttonText.equals(focused)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached the " + buttonText + " button; focus went to " + seen);
    }
}
