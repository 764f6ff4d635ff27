using StockAgent.IO;

namespace StockAgent.Pipeline;

/// <summary>One pipeline per run folder: an exclusive OS lock on <c>RUN/pipeline.lock</c>, held while the pipeline
/// runs. The operating system drops it when the process ends in any way (a kill included), so a stale lock never
/// blocks the next run; a second pipeline on the same folder is refused at once.</summary>
public sealed class RunFolderLock : IDisposable
{
    public const string FileName = "pipeline.lock";

    private readonly FileStream _stream;

    private RunFolderLock(FileStream stream) => _stream = stream;

    public static RunFolderLock Acquire(string runDirectory)
    {
        Directory.CreateDirectory(runDirectory);
        var path = Path.Combine(runDirectory, FileName);
        return new RunFolderLock(ExclusiveFileLock.TryTake(path)
            ?? throw new IOException($"another pipeline is running on {Path.GetFullPath(runDirectory)} (it holds {FileName}); wait for it, or give another --run folder."));
    }

    public void Dispose() => _stream.Dispose();
}
