package pacer.cib.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.cib.edit.EditFixtures.map;
import static pacer.cib.edit.EditFixtures.ok;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.cib.Cib;
import pacer.cib.report.CibReport;

class ResourceEditsTest {
    private final ResourceEdits edits = new ResourceEdits(EditFixtures.agents());

    private static Cib colocated() {
        return ok(ConstraintEdits.colocation(ConstraintEditsTest.twoResources(), "A", Optional.empty(), "B",
                Optional.empty(), Optional.empty(), Map.of(), false));
    }

    @Test
    @DisplayName("delete removes the resource and the constraints naming it, saying so")
    void delete() {
        EditResult r = edits.delete(colocated(), "B", false);
        assertThat(r.messages()).containsExactly("Removing Constraint - colocation-A-B-INFINITY", "Deleting Resource - B");
        Cib cib = ok(r);
        assertThat(cib.configuration().resource("B")).isEmpty();
        assertThat(cib.configuration().constraints()).isEmpty();
    }

    @Test
    @DisplayName("an unknown resource is an error naming the closest one, and nothing changes")
    void unknownResource() {
        EditResult r = edits.delete(colocated(), "a", false);
        assertThat(r.cib()).isEmpty();
        assertThat(r.errors()).extracting(CibReport::message).containsExactly("resource 'a' does not exist; did you mean 'A'?");
    }

    @Test
    @DisplayName("deleting a group's last member removes the group; deleting a clone's child removes the clone")
    void deleteEmptiesContainers() {
        Cib grouped = ok(GroupEdits.add(colocated(), "G", List.of("A"), Optional.empty(), Optional.empty(), false));
        EditResult r = edits.delete(grouped, "A", false);
        assertThat(ok(r).configuration().resource("G")).isEmpty();
        Cib cloned = ok(CloneEdits.clone(colocated(), "A", CreateRequest.CloneKind.CLONE, Optional.empty(), Map.of(), false));
        assertThat(ok(edits.delete(cloned, "A", false)).configuration().resource("A-clone")).isEmpty();
    }

    @Test
    @DisplayName("update sets parameters (checked against the agent) and replaces the op of the same name")
    void update() {
        Cib cib = ok(edits.update(colocated(), "A", map("fake", "x"), List.of(OperationSpec.of("monitor", "interval", "30s")),
                map("resource-stickiness", "100"), false));
        String a = EditFixtures.element(cib, "A");
        assertThat(a).contains("A-instance_attributes-fake", "A-monitor-interval-30s", "A-meta_attributes-resource-stickiness")
                .doesNotContain("A-monitor-interval-10s");
        assertThat(edits.update(cib, "A", map("fakee", "y"), List.of(), Map.of(), false).errors().get(0).message())
                .contains("did you mean 'fake'?");
        Cib cleared = ok(edits.update(cib, "A", map("fake", ""), List.of(), Map.of(), false));
        assertThat(EditFixtures.element(cleared, "A")).doesNotContain("A-instance_attributes-fake");
    }

    @Test
    @DisplayName("disable sets target-role=Stopped first in the resource; enable removes it")
    void enableDisable() {
        Cib disabled = ok(edits.disable(colocated(), List.of("A"), false));
        assertThat(disabled.xml().toString()).contains("id=\"A-meta_attributes-target-role\" name=\"target-role\" value=\"Stopped\"");
        assertThat(CibTree.byId(disabled.xml(), "A").orElseThrow().children().get(0).name()).isEqualTo("meta_attributes");
        Cib enabled = ok(edits.enable(disabled, List.of("A"), false));
        assertThat(enabled.xml().toString()).doesNotContain("target-role");
        assertThat(edits.disable(colocated(), List.of("A", "Z"), false).succeeded()).isFalse();
    }

    @Test
    @DisplayName("meta sets and removes meta attributes")
    void meta() {
        Cib cib = ok(edits.meta(colocated(), "A", map("migration-threshold", "3"), false));
        assertThat(EditFixtures.element(cib, "A-meta_attributes-migration-threshold")).contains("value=\"3\"");
        assertThat(ok(edits.meta(cib, "A", map("migration-threshold", ""), false)).xml().toString())
                .doesNotContain("migration-threshold");
    }

    @Test
    @DisplayName("op add: another op of an action the resource has needs --force, the same interval twice is refused "
            + "even forced (as pcs 0.11.5); op delete removes by id or by name")
    void operations() {
        OperationSpec monitor30 = OperationSpec.of("monitor", "interval", "30s", "role", "Started");
        EditResult unforced = OperationEdits.add(colocated(), "A", monitor30, false);
        assertThat(unforced.succeeded()).isFalse();
        assertThat(unforced.errors().get(0).message())
                .contains("operation monitor already specified for A: A-monitor-interval-10s", "use --force");
        Cib added = ok(OperationEdits.add(colocated(), "A", monitor30, true));
        assertThat(CibTree.byId(added.xml(), "A-monitor-interval-30s")).isPresent();
        assertThat(OperationEdits.add(added, "A", OperationSpec.of("monitor", "interval", "30"), true).errors().get(0).message())
                .contains("already specified for A: A-monitor-interval-30s");
        Cib byId = ok(OperationEdits.removeById(added, "A-monitor-interval-30s", false));
        assertThat(CibTree.byId(byId.xml(), "A-monitor-interval-30s")).isEmpty();
        Cib byName = ok(OperationEdits.remove(added, "A", "monitor", map("interval", "10s"), false));
        assertThat(CibTree.byId(byName.xml(), "A-monitor-interval-10s")).isEmpty();
        assertThat(CibTree.byId(byName.xml(), "A-monitor-interval-30s")).isPresent();
        assertThat(OperationEdits.remove(added, "A", "monitr", Map.of(), false).errors().get(0).message())
                .contains("did you mean 'monitor'?");
    }

    @Test
    @DisplayName("group add moves resources into a group; group remove takes them out and drops the empty group")
    void groups() {
        Cib grouped = ok(GroupEdits.add(colocated(), "G", List.of("A", "B"), Optional.empty(), Optional.empty(), false));
        assertThat(grouped.configuration().resources()).singleElement().extracting(r -> r.id()).isEqualTo("G");
        EditResult r = GroupEdits.remove(grouped, "G", List.of(), false);
        assertThat(r.messages()).contains("Removing group 'G', which has no resources left");
        assertThat(ok(r).configuration().resources()).extracting(x -> x.id()).containsExactly("A", "B");
        assertThat(GroupEdits.add(grouped, "A", List.of("B"), Optional.empty(), Optional.empty(), false).succeeded()).isFalse();
    }

    @Test
    @DisplayName("clone wraps in ID-clone; unclone unwraps, also by the child's id")
    void cloneUnclone() {
        Cib cloned = ok(CloneEdits.clone(colocated(), "B", CreateRequest.CloneKind.PROMOTABLE, Optional.empty(), Map.of(), false));
        assertThat(cloned.xml().toString()).contains("B-clone-meta_attributes-promotable");
        Cib back = ok(CloneEdits.unclone(cloned, "B", false));
        assertThat(back.configuration().resources()).extracting(x -> x.id()).containsExactly("A", "B");
        assertThat(CloneEdits.unclone(back, "B", false).succeeded()).isFalse();
    }

    @Test
    @DisplayName("move/ban write cli-prefer-RSC and cli-ban-RSC-on-NODE; a lifetime becomes a date rule; clear removes them")
    void moveBanClear() {
        Instant now = Instant.parse("2024-03-01T10:00:00Z");
        Cib moved = ok(MoveEdits.move(colocated(), "A", Optional.of("n2"), Optional.empty(), false, now, false));
        assertThat(EditFixtures.element(moved, "cli-prefer-A")).isEqualTo(EditFixtures.canonical(
                "<rsc_location id=\"cli-prefer-A\" rsc=\"A\" role=\"Started\" node=\"n2\" score=\"INFINITY\"/>"));
        Cib banned = ok(MoveEdits.ban(moved, "A", Optional.of("n1"), Optional.of("PT1H"), false, now, false));
        assertThat(EditFixtures.element(banned, "cli-ban-A-on-n1")).contains(
                "<rule boolean-op=\"and\" id=\"cli-ban-A-on-n1-rule\" score=\"-INFINITY\">",
                "<expression attribute=\"#uname\" id=\"cli-ban-A-on-n1-expr\" operation=\"eq\" type=\"string\" value=\"n1\">",
                "<date_expression end=\"2024-03-01 11:00:00 +00:00\" id=\"cli-ban-A-on-n1-lifetime\" operation=\"lt\">");
        assertThat(banned.reports()).isEmpty();
        EditResult cleared = MoveEdits.clear(banned, "A", Optional.empty(), false);
        assertThat(cleared.messages()).containsExactly("Removing constraint: cli-prefer-A", "Removing constraint: cli-ban-A-on-n1");
        assertThat(ok(cleared).xml().toString()).doesNotContain("cli-");
        assertThat(MoveEdits.move(colocated(), "A", Optional.empty(), Optional.empty(), false, now, false).succeeded()).isFalse();
        assertThat(MoveEdits.ban(colocated(), "A", Optional.of("n1"), Optional.of("soon"), false, now, false).succeeded()).isFalse();
    }
}
