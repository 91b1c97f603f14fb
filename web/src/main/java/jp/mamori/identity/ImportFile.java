package jp.mamori.identity;

/** The two kinds of CSV file the people import reads. */
public enum ImportFile {
    DEPARTMENTS,
    PEOPLE;

    /** Translation key of the file's name. */
    public String labelKey() {
        return "import.file." + name();
    }
}
