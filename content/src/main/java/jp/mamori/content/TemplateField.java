package jp.mamori.content;

import jp.mamori.questionbank.LocalizedText;

/** A blank in a template deck that each company fills in, e.g. where to report an incident. */
public record TemplateField(String id, LocalizedText label, String sample, boolean multiline) {
}
