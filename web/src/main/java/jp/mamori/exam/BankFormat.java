package jp.mamori.exam;

/** The formats a question bank is exported in. */
public enum BankFormat {
    QTI_30("qti30.zip", "application/zip"),
    QTI_21("qti21.zip", "application/zip"),
    MOODLE_XML("moodle.xml", "application/xml");

    private final String suffix;
    private final String mimeType;

    BankFormat(String suffix, String mimeType) {
        this.suffix = suffix;
        this.mimeType = mimeType;
    }

    String fileName(String bankId) {
        return "mamori-" + bankId + "-" + suffix;
    }

    String mimeType() {
        return mimeType;
    }

    public String labelKey() {
        return "interchange.format." + name();
    }
}
