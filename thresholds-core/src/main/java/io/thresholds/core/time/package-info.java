/**
 * Time: England and Wales working days (bank holidays as data) and service hours such as the
 * Hub's office hours and the Emergency Duty Team's out-of-hours cover. All arithmetic is in the
 * policy's time zone and takes the time as a parameter; nothing here reads the system clock.
 */
@NullMarked
package io.thresholds.core.time;

import org.jspecify.annotations.NullMarked;
