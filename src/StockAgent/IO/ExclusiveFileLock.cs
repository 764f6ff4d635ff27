namespace StockAgent.IO;

/// <summary>An exclusive OS lock on a side file, held while the stream is open (a <see cref="FileShare.None"/> open:
/// <c>flock</c> on Linux and macOS, a share mode on Windows). The operating system drops it when the process ends in
/// any way, a kill included, so it is never left stuck.</summary>
internal static class ExclusiveFileLock
{
    /// <summary>The open lock file, or null when another holder has it; other failures throw.</summary>
    public static FileStream? TryTake(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
        }
        catch (IOException ex) when (ex.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021)) // EWOULDBLOCK, sharing/lock violation
        {
            return null;
        }
    }
}
