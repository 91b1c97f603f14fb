package jp.mamori.identity;

/**
 * What the training administrator uploaded: a departments file, a people file (either may be null) and whether
 * people missing from the people file are deactivated.
 */
public record ImportRequest(byte[] departments, byte[] people, boolean deactivateMissing) {
}
