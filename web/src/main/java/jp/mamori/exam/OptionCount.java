package jp.mamori.exam;

import jp.mamori.questionbank.LocalizedText;

/** How many closed attempts chose one option of an item (a multiple-choice answer counts for each option it names). */
public record OptionCount(String optionId, LocalizedText text, int count, boolean key) {
}
