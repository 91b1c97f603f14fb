/** Examiner declarations and their signatures. */
@org.springframework.modulith.ApplicationModule(displayName = "Attestation")
package jp.mamori.attestation;
