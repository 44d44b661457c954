package pacer.store;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures one class's log lines with the {@code node} they were logged on. Close to detach. */
final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture(Class<?> type) {
        logger = (Logger) LoggerFactory.getLogger(type);
        appender.start();
        logger.addAppender(appender);
    }

    /** "n3: Discarding local CIB ..." for every line logged so far. */
    List<String> lines() {
        synchronized (appender.list) {
            return appender.list.stream()
                    .map(e -> e.getMDCPropertyMap().getOrDefault("node", "?") + ": " + e.getFormattedMessage()).toList();
        }
    }

    @Override public void close() {
        logger.detachAppender(appender);
    }
}
