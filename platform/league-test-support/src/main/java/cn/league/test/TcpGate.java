package cn.league.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A TCP address that is closed until {@link #open()} and then forwards to a real server: lets a test
 * make a real dependency unreachable and bring it back, without mocking the client.
 */
public final class TcpGate implements AutoCloseable {

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    public TcpGate(String targetHost, int targetPort) {
        this.port = freePort();
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** For a {@code host:port} target such as a broker list of one. */
    public static TcpGate to(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        return new TcpGate(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Opens the gate; nothing happens when it is open already. */
    public synchronized void open() {
        if (server != null && !server.isClosed()) {
            return;
        }
        try {
            server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        ServerSocket listening = server;
        Thread.ofVirtual().start(() -> accept(listening));
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException closed) {
            // one side went away; closing both ends the connection as a real outage would
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            closeQuietly(server);
        }
        sockets.forEach(TcpGate::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768+): while the gate is closed, a port from that range can be
     * taken as the local end of any outgoing connection (a pooled database or broker connection stays for good),
     * and the gate could not open again.
     */
    private static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = 10_000 + ThreadLocalRandom.current().nextInt(5_000);
            try (ServerSocket socket = new ServerSocket(candidate, 50, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port for a TCP gate in 10000-14999");
    }
}
