/**
 * The append-only evidence ledger (completions, results, declarations as "Do" evidence), its verifier,
 * and the audit log of security-relevant actions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence")
package jp.mamori.evidence;
