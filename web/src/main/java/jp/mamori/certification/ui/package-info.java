/** Views of certificates: the candidate's own, the PMS office's list, and the public verification page. */
package jp.mamori.certification.ui;
