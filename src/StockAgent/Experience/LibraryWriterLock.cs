using StockAgent.IO;

namespace StockAgent.Experience;

/// <summary>
/// The one-writer rule of an experience library: a writer holds an exclusive OS lock on the side file
/// <c>LIBRARY-lock</c> (created next to the library and left there) for as long as it is open. The operating
/// system drops the lock when the process ends in any way, a kill included, so it is never left stuck; readers
/// never take it. Without it, two collections on one library would both read the same batch count and draw the
/// same seeds. (The lock is a <see cref="FileShare.None"/> open: <c>flock</c> on Linux and macOS, a share mode
/// on Windows; setting DOTNET_SYSTEM_IO_DISABLEFILELOCKING turns it off.)
/// </summary>
internal sealed class LibraryWriterLock : IDisposable
{
    public const string Suffix = "-lock";

    private readonly FileStream _stream;

    private LibraryWriterLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the writer lock of the library at <paramref name="libraryPath"/> (a full path), or throws an
    /// <see cref="IOException"/> saying that another writer holds it.</summary>
    public static LibraryWriterLock Acquire(string libraryPath)
    {
        var path = libraryPath + Suffix;
        try
        {
            return new LibraryWriterLock(ExclusiveFileLock.TryTake(path) ?? throw HeldElsewhere(libraryPath));
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UnauthorizedAccessException(
                $"experience library '{libraryPath}' cannot be opened for writing: its lock file '{path}' cannot be created or opened ({ex.Message}).", ex);
        }
    }

    private static IOException HeldElsewhere(string libraryPath) => new(
        $"experience library '{libraryPath}' is open for writing elsewhere (another collection or training, in this or another " +
        "process, holds its lock); two writers would draw the same batch seeds. Wait for it to finish, or write to another library file.");

    public void Dispose() => _stream.Dispose();
}
