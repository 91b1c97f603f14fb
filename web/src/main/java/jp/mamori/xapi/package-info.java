/** xAPI: every evidence record is also sent as an xAPI statement to a configured learning record store. */
@org.springframework.modulith.ApplicationModule(displayName = "xAPI")
package jp.mamori.xapi;
