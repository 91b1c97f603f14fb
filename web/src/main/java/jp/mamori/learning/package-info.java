/** Deck player, progress, resume, end-of-deck checks, completion. */
@org.springframework.modulith.ApplicationModule(displayName = "Learning")
package jp.mamori.learning;
