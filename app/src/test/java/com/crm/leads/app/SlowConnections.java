package com.crm.leads.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Connections to the service on 127.0.0.1 that send a {@code leads/update} slowly, as a hostile or broken client
 * would, in equal shares: complete headers and then the body a byte a second; complete headers and then no body at
 * all; the headers themselves a byte a second. Closed, every one, by {@link #close()}.
 */
final class SlowConnections implements AutoCloseable {

    /** How a connection sends its request. */
    enum Pace { BODY_BYTE_A_SECOND, NO_BODY, HEADERS_BYTE_A_SECOND }

    /** What a connection has had back from the service so far. */
    record Received(Pace pace, String text, boolean closed) {
    }

    private static final int BODY_LENGTH = 100;

    private final List<Connection> connections = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

    private SlowConnections() {
    }

    /** Opens {@code count} slow connections to the service on {@code port}; their bytes trickle until closed. */
    static SlowConnections open(int port, int count) {
        SlowConnections slow = new SlowConnections();
        try {
            for (int i = 0; i < count; i++) {
                Pace pace = Pace.values()[i % Pace.values().length];
                slow.connections.add(new Connection(pace, SocketChannel.open(new InetSocketAddress("127.0.0.1", port))));
            }
            for (Connection connection : slow.connections) {
                connection.start();
            }
        } catch (IOException e) {
            slow.close();
            throw new UncheckedIOException(e);
        }
        slow.trickle.scheduleAtFixedRate(slow::sendAByteEach, 1, 1, TimeUnit.SECONDS);
        return slow;
    }

    private synchronized void sendAByteEach() {
        for (Connection connection : connections) {
            connection.trickle();
        }
    }

    /** What every connection has had back until now, without waiting. */
    synchronized List<Received> received() {
        return connections.stream().map(Connection::receive).toList();
    }

    /**
     * Waits until every connection of these paces has been answered and closed by the service, or the time is up,
     * and says what each had back.
     */
    List<Received> awaitClosed(Duration patience, Pace... paces) throws InterruptedException {
        List<Pace> waitedFor = List.of(paces);
        long end = System.nanoTime() + patience.toNanos();
        List<Received> received;
        do {
            Thread.sleep(200);
            received = received().stream().filter(connection -> waitedFor.contains(connection.pace())).toList();
        } while (received.stream().anyMatch(connection -> !connection.closed()) && System.nanoTime() < end);
        return received;
    }

    @Override
    public synchronized void close() {
        trickle.shutdownNow();
        for (Connection connection : connections) {
            try {
                connection.channel.close();
            } catch (IOException e) {
                // closing is all that is left to do with it
            }
        }
    }

    private static final class Connection {

        private final Pace pace;
        private final SocketChannel channel;
        private final ByteBuffer request;
        private final StringBuilder answer = new StringBuilder();
        private boolean writeFailed;
        private boolean closed;

        Connection(Pace pace, SocketChannel channel) throws IOException {
            this.pace = pace;
            this.channel = channel;
            channel.configureBlocking(false);
            String headers = "POST " + ServiceClient.BASE + "/leads/update HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + BODY_LENGTH + "\r\n\r\n";
            this.request = ByteBuffer.wrap((headers + "{" + " ".repeat(BODY_LENGTH - 2) + "}")
                    .getBytes(StandardCharsets.US_ASCII));
            request.limit(pace == Pace.HEADERS_BYTE_A_SECOND ? 1 : headers.length());
        }

        /** Sends what goes at once: the whole headers, or the first byte of them. */
        void start() throws IOException {
            channel.write(request);
        }

        /** Sends the next byte, if this connection trickles and has any left. */
        void trickle() {
            if (writeFailed || pace == Pace.NO_BODY || request.limit() == request.capacity()) {
                return;
            }
            request.limit(request.limit() + 1);
            try {
                channel.write(request);
            } catch (IOException e) {
                // the service has closed the connection: what it answered is still to be read
                writeFailed = true;
            }
        }

        Received receive() {
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            try {
                int read;
                while (!closed && (read = channel.read(buffer)) != 0) {
                    if (read < 0) {
                        closed = true;
                    } else {
                        answer.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
                        buffer.clear();
                    }
                }
            } catch (IOException e) {
                closed = true;
            }
            return new Received(pace, answer.toString(), closed);
        }
    }
}
