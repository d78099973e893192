/**
 * Output files written so that a reader sees the previous file or the complete new one, never
 * something in between, and so that what a killed writer left behind is recognised and removed by
 * the next run.
 */
package io.pyhermetic.files;
