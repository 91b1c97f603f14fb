/** Dashboards, the education report (教育実施報告書), exports. */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package jp.mamori.reporting;
