/** Operations: system status for the SYSTEM_ADMIN. */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package jp.mamori.system;
