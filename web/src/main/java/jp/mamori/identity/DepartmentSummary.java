package jp.mamori.identity;

/** A department as pickers and reports show it. */
public record DepartmentSummary(long id, String code, String name) {
}
