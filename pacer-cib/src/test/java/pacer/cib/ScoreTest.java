package pacer.cib;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.cib.Score.INFINITY;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pacemaker's score arithmetic: ±INFINITY absorbing, -INFINITY winning, sums clamped. */
class ScoreTest {
    @Test
    @DisplayName("-INFINITY wins over +INFINITY, whichever side it is on")
    void minusInfinityWinsOverPlusInfinity() {
        assertThat(Score.add(-INFINITY, INFINITY)).isEqualTo(-INFINITY);
        assertThat(Score.add(INFINITY, -INFINITY)).isEqualTo(-INFINITY);
    }

    @Test
    @DisplayName("+INFINITY absorbs any finite score")
    void plusInfinityAbsorbsFiniteScores() {
        assertThat(Score.add(INFINITY, -999_999)).isEqualTo(INFINITY);
        assertThat(Score.add(5, INFINITY)).isEqualTo(INFINITY);
    }

    @Test
    @DisplayName("finite sums add normally and clamp at ±INFINITY")
    void finiteSumsClamp() {
        assertThat(Score.add(100, -30)).isEqualTo(70);
        assertThat(Score.add(999_999, 5)).isEqualTo(INFINITY);
        assertThat(Score.add(-999_999, -5)).isEqualTo(-INFINITY);
        assertThat(Score.add(Integer.MAX_VALUE - 1, Integer.MAX_VALUE - 1)).as("no int overflow").isEqualTo(INFINITY);
    }

    @ParameterizedTest(name = "\"{0}\" parses as {1}")
    @CsvSource({
        "INFINITY, 1000000", "+INFINITY, 1000000", "-INFINITY, -1000000", "infinity, 1000000",
        "' 42 ', 42", "+7, 7", "-13, -13", "1.0, 1", "2000000, 1000000", "-2000000, -1000000"})
    void parsesPacemakerScores(String text, int expected) {
        assertThat(Score.parse(text, -1)).isEqualTo(expected);
        assertThat(Score.isValid(text)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is not a score: the fallback is returned")
    @CsvSource({"garbage", "INF", "1e", "12abc", "''", "NaN"})
    void garbageFallsBack(String text) {
        assertThat(Score.parse(text, 17)).isEqualTo(17);
        assertThat(Score.isValid(text)).isFalse();
    }

    @Test
    @DisplayName("a missing score falls back")
    void nullFallsBack() {
        assertThat(Score.parse(null, 3)).isEqualTo(3);
    }

    @Test
    @DisplayName("scores print as Pacemaker writes them")
    void formatsInfinities() {
        assertThat(Score.format(INFINITY)).isEqualTo("INFINITY");
        assertThat(Score.format(-INFINITY)).isEqualTo("-INFINITY");
        assertThat(Score.format(-12)).isEqualTo("-12");
    }

    @Test
    @DisplayName("scaling by an influence factor keeps infinities absorbing and flips them for negative factors")
    void multiplyScalesInfinityAsANumber() {
        assertThat(Score.multiply(INFINITY, 0.5)).isEqualTo(500_000);
        assertThat(Score.multiply(-INFINITY, 0.5)).isEqualTo(-500_000);
        assertThat(Score.multiply(INFINITY, -500.0 / INFINITY)).isEqualTo(-500);
        assertThat(Score.multiply(INFINITY, 1)).isEqualTo(INFINITY);
        assertThat(Score.multiply(INFINITY, -1)).isEqualTo(-INFINITY);
        assertThat(Score.multiply(-INFINITY, 2)).isEqualTo(-INFINITY);
        assertThat(Score.multiply(100, 0.5)).isEqualTo(50);
        assertThat(Score.multiply(INFINITY, 0)).isZero();
    }

    @Provide
    Arbitrary<Integer> scores() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-INFINITY, INFINITY),
                Arbitraries.of(INFINITY, -INFINITY, 0, INFINITY - 1, -INFINITY + 1));
    }

    @Property
    void addIsCommutative(@ForAll("scores") int a, @ForAll("scores") int b) {
        assertThat(Score.add(a, b)).isEqualTo(Score.add(b, a));
    }

    @Property
    void minusInfinityIsAbsorbing(@ForAll("scores") int a) {
        assertThat(Score.add(-INFINITY, a)).isEqualTo(-INFINITY);
        assertThat(Score.add(a, -INFINITY)).isEqualTo(-INFINITY);
    }

    @Property
    void sumsStayWithinInfinity(@ForAll("scores") int a, @ForAll("scores") int b) {
        assertThat(Score.add(a, b)).isBetween(-INFINITY, INFINITY);
    }
}
