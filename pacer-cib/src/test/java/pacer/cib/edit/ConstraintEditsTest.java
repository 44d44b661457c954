package pacer.cib.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.cib.edit.EditFixtures.base;
import static pacer.cib.edit.EditFixtures.canonical;
import static pacer.cib.edit.EditFixtures.map;
import static pacer.cib.edit.EditFixtures.ok;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.cib.Cib;
import pacer.cib.report.CibReport;

class ConstraintEditsTest {
    /** The base CIB with two Dummy resources A and B. */
    static Cib twoResources() {
        ResourceCreate create = new ResourceCreate(EditFixtures.agents());
        Cib a = ok(create.create(base(), CreateRequest.of("A", "ocf:pacemaker:Dummy", Map.of(), List.of()), false));
        return ok(create.create(a, CreateRequest.of("B", "ocf:pacemaker:Dummy", Map.of(), List.of()), false));
    }

    @Test
    @DisplayName("colocation add A with B: colocation-A-B-INFINITY")
    void colocation() {
        Cib cib = ok(ConstraintEdits.colocation(twoResources(), "A", Optional.empty(), "B", Optional.empty(),
                Optional.empty(), Map.of(), false));
        assertThat(EditFixtures.element(cib, "colocation-A-B-INFINITY")).isEqualTo(canonical(
                "<rsc_colocation id=\"colocation-A-B-INFINITY\" rsc=\"A\" with-rsc=\"B\" score=\"INFINITY\"/>"));
    }

    @Test
    @DisplayName("a role on one side makes the other Started; a duplicate is refused unless forced, and then numbered")
    void rolesAndDuplicates() {
        Cib cib = ok(ConstraintEdits.colocation(twoResources(), "A", Optional.of("master"), "B", Optional.empty(),
                Optional.of("100"), Map.of(), false));
        assertThat(EditFixtures.element(cib, "colocation-A-B-100")).contains("rsc-role=\"Promoted\"", "with-rsc-role=\"Started\"");
        EditResult dup = ConstraintEdits.colocation(cib, "A", Optional.of("Promoted"), "B", Optional.empty(),
                Optional.of("100"), Map.of(), false);
        assertThat(dup.errors().get(0).message()).contains("duplicate constraint already exists: colocation-A-B-100");
        assertThat(CibTree.byId(ok(ConstraintEdits.colocation(cib, "A", Optional.of("Promoted"), "B", Optional.empty(),
                Optional.of("100"), Map.of(), true)).xml(), "colocation-A-B-100-1")).isPresent();
    }

    @Test
    @DisplayName("a bad score and an unknown resource are errors with suggestions")
    void badScoreAndUnknownResource() {
        EditResult r = ConstraintEdits.colocation(twoResources(), "A", Optional.empty(), "C", Optional.empty(),
                Optional.of("INFINTY"), Map.of(), false);
        assertThat(r.errors()).extracting(CibReport::message).containsExactlyInAnyOrder(
                "resource 'C' does not exist; did you mean 'A'?",
                "invalid score 'INFINTY', use integer or INFINITY or -INFINITY; did you mean 'INFINITY'?");
    }

    @Test
    @DisplayName("order A then B: order-A-B-mandatory with start actions, announced as pcs does")
    void order() {
        EditResult r = ConstraintEdits.order(twoResources(), "start", "A", "start", "B", Map.of(), false);
        assertThat(r.messages()).containsExactly("Adding A B (kind: Mandatory) (Options: first-action=start then-action=start)");
        assertThat(EditFixtures.element(ok(r), "order-A-B-mandatory")).isEqualTo(canonical(
                "<rsc_order id=\"order-A-B-mandatory\" first=\"A\" then=\"B\" first-action=\"start\" then-action=\"start\"/>"));
        EditResult optional = ConstraintEdits.order(twoResources(), "promote", "A", "start", "B", map("kind", "Optional"), false);
        assertThat(CibTree.byId(ok(optional).xml(), "order-A-B-Optional")).isPresent();
        assertThat(ConstraintEdits.order(twoResources(), "begin", "A", "start", "B", Map.of(), false).succeeded()).isFalse();
    }

    @Test
    @DisplayName("location prefers/avoids: location-RSC-NODE-SCORE; avoids negates; one per resource and node")
    void location() {
        Cib cib = ok(ConstraintEdits.location(twoResources(), "A", true, List.of("n1=50", "n2"), false));
        assertThat(EditFixtures.element(cib, "location-A-n1-50")).contains("score=\"50\"", "node=\"n1\"");
        assertThat(CibTree.byId(cib.xml(), "location-A-n2-INFINITY")).isPresent();
        Cib avoid = ok(ConstraintEdits.location(cib, "A", false, List.of("n1=50"), false));
        assertThat(CibTree.byId(avoid.xml(), "location-A-n1--50")).isPresent();
        assertThat(CibTree.byId(avoid.xml(), "location-A-n1-50")).isEmpty();
        EditResult unknownNode = ConstraintEdits.location(cib, "A", true, List.of("n3x"), false);
        assertThat(unknownNode.errors().get(0).message()).contains("node 'n3x' does not appear to exist", "--force");
    }

    @Test
    @DisplayName("constraint remove deletes by id; an unknown id suggests the closest and removes nothing")
    void remove() {
        Cib cib = ok(ConstraintEdits.colocation(twoResources(), "A", Optional.empty(), "B", Optional.empty(),
                Optional.empty(), Map.of(), false));
        assertThat(CibTree.byId(ok(ConstraintEdits.remove(cib, List.of("colocation-A-B-INFINITY"), false)).xml(),
                "colocation-A-B-INFINITY")).isEmpty();
        EditResult r = ConstraintEdits.remove(cib, List.of("colocation-A-B-INFINITY", "colocation-A-B-INFINTY"), false);
        assertThat(r.succeeded()).isFalse();
        assertThat(r.errors().get(0).message()).contains("did you mean 'colocation-A-B-INFINITY'?");
    }

    @Test
    @DisplayName("constraints name a clone, not its inside")
    void cloneMember() {
        ResourceCreate create = new ResourceCreate(EditFixtures.agents());
        Cib cib = ok(create.create(twoResources(), CreateRequest.of("C", "ocf:pacemaker:Dummy", Map.of(), List.of())
                .asClone(CreateRequest.CloneKind.CLONE, Optional.empty(), Map.of()), false));
        EditResult r = ConstraintEdits.colocation(cib, "A", Optional.empty(), "C", Optional.empty(), Optional.empty(), Map.of(), false);
        assertThat(r.errors().get(0).message()).contains("you should use the clone id: C-clone");
    }
}
