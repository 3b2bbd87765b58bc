using System.CommandLine;
using System.Data.Common;
using Toolkit.Cli.Output;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Processes;

namespace Toolkit.Cli.Commands;

/// <summary>
/// Maps database and missing-tool failures of the db and tenants verbs to messages and exit codes (no stack
/// traces). Given the parse result, a verb run with <c>--json</c> also prints the refusal document
/// (<see cref="RefusalJson"/>) on stdout, as for any other error; the exit code is the same either way.
/// </summary>
internal static class CommandGuard
{
    /// <summary>The code of a database that refused or failed a statement.</summary>
    public const string DatabaseError = "database";

    /// <summary>The code of a database that cannot be reached.</summary>
    public const string DatabaseUnreachable = "database-unreachable";

    /// <summary>The code of a file that cannot be read or written.</summary>
    public const string FileError = "file";

    /// <summary>The code of a tool (pg_dump, psql) that is not installed.</summary>
    public const string MissingTool = "missing-tool";

    /// <summary>Runs <paramref name="body"/>; a database error exits 1, a missing tool exits 3.</summary>
    public static Task<int> RunAsync(Func<Task<int>> body) => RunAsync(null, body);

    /// <summary>As <see cref="RunAsync(Func{Task{int}})"/>, with the refusal document on stdout when <paramref name="parse"/> asked for <c>--json</c>.</summary>
    public static async Task<int> RunAsync(ParseResult? parse, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (DbException e)
        {
            return Fail(parse, DatabaseError, $"database: {e.Message}", null, ExitCodes.Failed);
        }
        catch (ProcessNotFoundException e)
        {
            return Fail(parse, MissingTool, e.Message, "Install the PostgreSQL client tools (apt-get install postgresql-client).", ExitCodes.MissingTool);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            return Fail(parse, DatabaseUnreachable, $"cannot reach the database: {e.Message}", null, ExitCodes.Failed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(parse, FileError, e.Message, null, ExitCodes.Failed);
        }
    }

    private static int Fail(ParseResult? parse, string code, string message, string? hint, int exitCode)
    {
        Console.Error.WriteLine(hint is null ? $"error: {message}" : $"error: {message} {hint}");
        if (parse is not null && CommandOutput.WantsJson(parse))
            Console.Out.Write(new RefusalJson(CommandOutput.VerbPath(parse), [DiagnosticJson.From(Diagnostic.Error(code, message))], hint).ToJson());
        return exitCode;
    }
}
