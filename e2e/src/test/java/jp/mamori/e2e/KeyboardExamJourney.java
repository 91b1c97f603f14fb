package jp.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The exam by keyboard alone: focus starts on the question, Space chooses, Tab reaches "next", Enter moves on, and
 * the navigator announces the answered question; Shift+Tab reaches the navigator, whose buttons open a question with Enter.
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
        assertThat(page.locator(".mamori-navigator button").first().getAttribute("aria-label")).contains("解答済み");
        assertThat((Boolean) page.evaluate("() => !!document.activeElement && document.activeElement.closest("
                + "'vaadin-radio-group, vaadin-checkbox-group') !== null")).as("focus is on the new question").isTrue();

        // Back from the question into the navigator (its last button comes just before the question) and open it.
        pressUntilFocused(page, "Shift+Tab", "BUTTON:60");
        page.keyboard().press("Enter");
        settle(page);
        assertThat(questionLabel(page)).startsWith("問 60 / 60.");
        assertThat(page.locator(".mamori-navigator button[aria-current=step]").textContent()).isEqualTo("60");
    }

    private static void pressTabUntilFocused(Page page, String buttonText) {
        pressUntilFocused(page, "Tab", buttonText);
    }

    private static void pressUntilFocused(Page page, String key, String buttonText) {
        java.util.List<Object> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            page.keyboard().press(key);
            Object focused = page.evaluate("() => { const e = document.activeElement; if (!e) return null; "
                    + "const b = e.closest('vaadin-button'); return b ? b.textContent.trim() : e.tagName + ':' + (e.textContent || '').trim().slice(0, 20); }");
            seen.add(focused);
            if (buttonText.equals(focused)) {
                return;
            }
        }
        throw new AssertionError(key + " never reached the " + buttonText + " button; focus went to " + seen);
    }
}
