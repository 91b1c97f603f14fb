package jp.mamori.exam;

import jp.mamori.questionbank.LocalizedText;

/** An exam the item analysis can be run on, named as in its newest version. */
public record AnalysedExam(String examId, LocalizedText name) {
}
