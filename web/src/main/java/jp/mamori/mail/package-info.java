/**
 * Outgoing mail: templates in Japanese and English, SMTP when a server is configured, otherwise an outbox;
 * every mail logged. Used by registration now and by reminders later.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package jp.mamori.mail;
