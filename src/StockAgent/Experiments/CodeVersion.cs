using System.Reflection;

namespace StockAgent.Experiments;

/// <summary>The code a run was made with: the git commit of the checkout the kit was built in (read from .git, no
/// process started) (uncommitted changes are not detected), else the kit's assembly version.</summary>
public static class CodeVersion
{
    public static string Current { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            if (GitCommit(start) is { } commit) return "git:" + commit;
        var version = typeof(CodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                      ?? typeof(CodeVersion).Assembly.GetName().Version?.ToString() ?? "unknown";
        return "stockagent " + version;
    }

    /// <summary>The commit HEAD points at in the git checkout containing <paramref name="start"/>, or null.</summary>
    public static string? GitCommit(string start)
    {
        try
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var git = Path.Combine(dir.FullName, ".git");
                if (File.Exists(git))
                {
                    var line = File.ReadAllText(git).Trim();
                    if (!line.StartsWith("gitdir:", StringComparison.Ordinal)) return null;
                    git = Path.GetFullPath(Path.Combine(dir.FullName, line["gitdir:".Length..].Trim()));
                }
                if (!Directory.Exists(git)) continue;
                var head = File.ReadAllText(Path.Combine(git, "HEAD")).Trim();
                if (!head.StartsWith("ref:", StringComparison.Ordinal)) return head;
                var reference = head["ref:".Length..].Trim();
                var common = File.Exists(Path.Combine(git, "commondir"))
                    ? Path.GetFullPath(Path.Combine(git, File.ReadAllText(Path.Combine(git, "commondir")).Trim()))
                    : git;
                foreach (var root in new[] { git, common })
                {
                    var loose = Path.Combine(root, reference);
                    if (File.Exists(loose)) return File.ReadAllText(loose).Trim();
                }
                var packed = Path.Combine(common, "packed-refs");
                if (File.Exists(packed))
                    foreach (var l in File.ReadLines(packed))
                        if (l.EndsWith(" " + reference, StringComparison.Ordinal)) return l[..l.IndexOf(' ')];
                return null;
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }
}
