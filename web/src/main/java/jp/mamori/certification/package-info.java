/** Certificates of the competency test: issue on a pass, PDF, verification codes, expiry and revocation. */
@org.springframework.modulith.ApplicationModule(displayName = "Certification")
package jp.mamori.certification;
