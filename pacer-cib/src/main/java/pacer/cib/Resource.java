package pacer.cib;

import java.util.List;

/**
 * A configured resource. The family is closed: {@link Primitive}, {@link Group}, {@link Clone}
 * (plain and promotable) and {@link Bundle}; {@link #kind()} lets a switch cover it exhaustively.
 */
public sealed interface Resource permits Primitive, Group, Clone, Bundle {
    String id();

    Kind kind();

    List<AttributeSet> meta();

    List<AttributeSet> instance();

    /** Source line of the element, 0 when unknown. */
    int line();

    /** This resource's direct children (members of a group, the clone's or bundle's child). */
    List<Resource> children();

    /** The variants, in the words Pacemaker uses. */
    enum Kind { PRIMITIVE, GROUP, CLONE, BUNDLE }
}
