package pacer.fencing;

/** What fencing does to a node: Pacemaker's fencing-action values plus unfencing ("on"). */
public enum FenceAction {
    REBOOT("reboot"), OFF("off"), ON("on");

    private final String word;

    FenceAction(String word) { this.word = word; }

    /** The word fence agents and the CIB use ({@code reboot}, {@code off}, {@code on}). */
    public String word() { return word; }
}
