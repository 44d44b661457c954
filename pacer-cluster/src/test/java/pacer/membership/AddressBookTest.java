package pacer.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jgroups.Address;
import org.jgroups.View;
import org.jgroups.ViewId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The join race at the address level: a joiner can answer the DC before its view shows the DC. */
class AddressBookTest {
    private static final Address N1 = AddressBook.stamped(new Member("n1", 1));
    private static final Address N3 = AddressBook.stamped(new Member("n3", 3));

    @Test @DisplayName("A sender outside the view is reachable until the next view; a view member always")
    void sendersUntilNextView() {
        AddressBook book = new AddressBook();
        book.viewInstalled(new View(new ViewId(N3, 1), List.of(N3))); // the joiner, alone
        assertThat(book.lookup("n1")).isEmpty();

        book.heardFrom(N1); // the DC's version query, before the joiner's new view
        assertThat(book.lookup("n1")).contains(N1);
        assertThat(book.onlySender("n1")).isTrue();

        book.viewInstalled(new View(new ViewId(N1, 2), List.of(N1, N3)));
        assertThat(book.lookup("n1")).contains(N1);
        assertThat(book.onlySender("n1")).isFalse();

        book.viewInstalled(new View(new ViewId(N3, 3), List.of(N3))); // n1 left: an old message is no address
        assertThat(book.lookup("n1")).isEmpty();
        assertThat(AddressBook.memberOf(N1)).isEqualTo(new Member("n1", 1));
    }
}
