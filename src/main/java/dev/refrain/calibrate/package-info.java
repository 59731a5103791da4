/** Calibration: the threshold and settings that best separate a user's labelled pairs. */
package dev.refrain.calibrate;
