package org.memberflow.rules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.memberflow.rules.session.RuleFile;
import org.memberflow.rules.session.RuleSetCompiler;
import org.memberflow.rules.session.RuleSetRejectedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scripts/rules validate|simulate|deploy <files or folders>}: rule sets kept in Git, checked
 * in CI and deployed from it. Exit codes: 0 done, 1 the rule set is refused (every error printed as
 * {@code file:line:column: message}), 2 bad usage, 3 the server could not be reached or failed.
 */
@Command(name = "rules", mixinStandardHelpOptions = true, subcommands = {
        RulesCli.Validate.class, RulesCli.Simulate.class, RulesCli.Deploy.class},
        description = "Validate, simulate and deploy MemberFlow rule sets (*.drl, *.drl.xlsx, *.drl.csv).")
public final class RulesCli {
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int SERVER_FAILED = 3;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line; returns its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RulesCli());
        cli.setOut(out);
        cli.setErr(err);
        // Anything unforeseen is the server's or the machine's failure, not a refused rule set.
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : SERVER_FAILED);
        return cli.execute(args);
    }

    /** Compiles and checks the files here, as the server would; needs no server. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check and compile the rule files locally; print every error.")
    static final class Validate implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "rule files, or folders holding them")
        List<Path> paths;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<RuleFile> files;
            try {
                files = RuleFiles.read(paths);
            } catch (IOException e) {
                spec.commandLine().getErr().println("cannot read " + e.getMessage());
                return USAGE;
            }
            try {
                new RuleSetCompiler().compile("validate", "local", files);
            } catch (RuleSetRejectedException e) {
                e.errors().forEach(error -> spec.commandLine().getErr().println(error));
                spec.commandLine().getErr().println(e.errors().size() + " error(s); the rule set is refused");
                return REFUSED;
            }
            spec.commandLine().getOut().println("ok: " + files.size() + " file(s) compile");
            return 0;
        }
    }

    /** What the server needs to store a version. */
    static class Upload {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "rule files, or folders holding them")
        List<Path> paths;
        @Option(names = "--server", defaultValue = "${env:MEMBERFLOW_URL:-http://localhost:8080}",
                description = "the MemberFlow server (default: $MEMBERFLOW_URL or ${DEFAULT-VALUE})")
        String server;
        @Option(names = "--key", defaultValue = "${env:MEMBERFLOW_API_KEY}",
                description = "an API key with the MARKETER or ADMIN role (default: $MEMBERFLOW_API_KEY)")
        String key;
        @Option(names = "--name", required = true, description = "the rule set's name, e.g. spring-campaigns")
        String name;
        @Option(names = "--author", required = true, description = "who uploads, for the audit")
        String author;
        @Option(names = "--comment", defaultValue = "", description = "why, for the audit")
        String comment;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** Uploads as a draft; returns the version, or a negative exit code. */
        int upload(ServerClient server) throws IOException, InterruptedException {
            List<RuleFile> files;
            try {
                files = RuleFiles.read(paths);
            } catch (IOException e) {
                spec.commandLine().getErr().println("cannot read " + e.getMessage());
                return -USAGE;
            }
            ServerClient.Answer answer = server.upload(name, author, comment, files);
            if (answer.status() == 422 || answer.status() == 400) {
                spec.commandLine().getErr().println(answer.body());
                return -REFUSED;
            }
            if (answer.status() == 401 || answer.status() == 403) {
                spec.commandLine().getErr().println("the server refused the API key (" + answer.status() + "): give a"
                        + " MARKETER or ADMIN key with --key or MEMBERFLOW_API_KEY\n" + answer.body());
                return -SERVER_FAILED;
            }
            if (!answer.ok()) {
                spec.commandLine().getErr().println("the server answered " + answer.status() + ": " + answer.body());
                return -SERVER_FAILED;
            }
            return answer.version();
        }

        int failed(Exception e) {
            spec.commandLine().getErr().println("cannot reach " + server + ": " + e);
            return SERVER_FAILED;
        }
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = "Upload the files as a draft and simulate it against the active version on real members.")
    static final class Simulate extends Upload implements Callable<Integer> {
        @Option(names = "--sample", defaultValue = "100", description = "how many real members (default ${DEFAULT-VALUE})")
        int sample;

        @Override
        public Integer call() throws InterruptedException {
            try {
                ServerClient client = new ServerClient(server, key);
                int version = upload(client);
                if (version < 0) {
                    return -version;
                }
                ServerClient.Answer answer = client.simulate(version, "{\"sample\":" + sample + "}");
                if (!answer.ok()) {
                    spec.commandLine().getErr().println(answer.body());
                    return answer.status() / 100 == 4 ? REFUSED : SERVER_FAILED;
                }
                spec.commandLine().getOut().println(answer.body());
                return 0;
            } catch (IOException e) {
                return failed(e);
            }
        }
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true,
            description = "Upload the files and activate them on every engine instance.")
    static final class Deploy extends Upload implements Callable<Integer> {
        @Override
        public Integer call() throws InterruptedException {
            try {
                ServerClient client = new ServerClient(server, key);
                int version = upload(client);
                if (version < 0) {
                    return -version;
                }
                ServerClient.Answer answer = client.activate(version, author, comment);
                if (!answer.ok()) {
                    spec.commandLine().getErr().println(answer.body());
                    return answer.status() / 100 == 4 ? REFUSED : SERVER_FAILED;
                }
                spec.commandLine().getOut().println("version " + version + " active: " + answer.body());
                return 0;
            } catch (IOException e) {
                return failed(e);
            }
        }
    }

    private RulesCli() {
    }
}
