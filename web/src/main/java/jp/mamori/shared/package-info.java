/**
 * What every feature uses: roles, the clock, i18n, the principal, the main layout, the embedded database.
 * Open module: its sub-packages are shared with every other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.mamori.shared;
