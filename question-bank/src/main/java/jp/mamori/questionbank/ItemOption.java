package jp.mamori.questionbank;

/** One answer option and why it is right or wrong. */
public record ItemOption(String id, LocalizedText text, LocalizedText why) {
}
