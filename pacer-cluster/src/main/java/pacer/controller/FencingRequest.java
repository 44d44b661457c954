package pacer.controller;

import pacer.fencing.FenceAction;

/**
 * An administrator's request to fence a node ({@code pcs stonith fence NODE [--off]}), as it
 * travels from the node where it was typed to the DC, which carries it out and records it.
 *
 * @param id names the request, so that the DC's answer finds its way back
 * @param origin the node that asked (and waits for the {@link FencingOutcome})
 */
public record FencingRequest(String id, String origin, String target, FenceAction action) {
    /** Why the fencer is asked, as its history and log say it. */
    String reason() { return "requested by an administrator on " + origin; }
}
