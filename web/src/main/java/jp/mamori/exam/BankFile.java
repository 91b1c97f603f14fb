package jp.mamori.exam;

/** A file ready to download: its name, media type and bytes. */
public record BankFile(String fileName, String mimeType, byte[] content) {
}
