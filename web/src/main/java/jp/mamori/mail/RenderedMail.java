package jp.mamori.mail;

/** A template filled in for one recipient: subject and plain-text body. */
record RenderedMail(String subject, String body) {
}
