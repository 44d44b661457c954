/**
 * Pacemaker's scheduler, pure: {@link pacer.scheduler.Scheduler#schedule} takes a CIB and "now"
 * and returns a {@link pacer.scheduler.Transition}. No I/O, no clock, no static state.
 *
 * <p>The working classes ({@code NodeView}, {@code Rsc}, {@code Action}) are package-private and
 * mutable, but owned by one call: each run builds them, uses them and drops them. The phases are
 * listed on {@link pacer.scheduler.Scheduler}.
 */
package pacer.scheduler;
