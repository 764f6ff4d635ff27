// MSBuild task (compiled by RoslynCodeTaskFactory): marks one GNU version need of an ELF64
// shared object as weak (VER_FLG_WEAK = 2 in its Vernaux entry), so the dynamic loader no longer
// refuses the library when the system lacks that version tag. Used for TorchSharp's native shim,
// which asks for GLIBCXX_3.4.32 for a symbol it never calls; Debian 12's libstdc++ stops at 3.4.30.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class MarkVersionNeedWeak : Microsoft.Build.Utilities.Task
{
    /// <summary>ELF files to patch; missing files are skipped.</summary>
    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The version tag, e.g. GLIBCXX_3.4.32.</summary>
    [Required] public string Version { get; set; } = "";

    /// <summary>Libraries searched for the tag; when one of them defines it, nothing is patched.</summary>
    public string SystemLibraries { get; set; } =
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6;/lib/x86_64-linux-gnu/libstdc++.so.6;/usr/lib64/libstdc++.so.6;/usr/lib/libstdc++.so.6";

    private const ushort VerFlgWeak = 2;
    private const uint ShtGnuVerneed = 0x6ffffffe;

    public override bool Execute()
    {
        if (!System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Linux)) return true;
        if (SystemProvidesVersion())
        {
            Log.LogMessage(MessageImportance.Low, $"System libstdc++ provides {Version}; no patch needed.");
            return true;
        }
        foreach (var item in Files)
        {
            var path = item.ItemSpec;
            if (!File.Exists(path)) continue;
            try
            {
                var result = Patch(path);
                Log.LogMessage(MessageImportance.Normal, $"{path}: {result}");
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Log.LogError($"Could not mark {Version} weak in {path}: {ex.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }

    private bool SystemProvidesVersion()
    {
        var needle = Encoding.ASCII.GetBytes(Version + "\0");
        foreach (var lib in SystemLibraries.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!File.Exists(lib)) continue;
            var bytes = File.ReadAllBytes(lib);
            return IndexOf(bytes, needle) >= 0; // the first library found is the one the loader uses
        }
        return false;
    }

    private string Patch(string path)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1) throw new InvalidDataException("only 64-bit little-endian ELF is supported");

        ulong shoff = BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A);
        int shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (int i = 0; i < shnum; i++)
        {
            long sh = (long)shoff + (long)i * shentsize;
            uint type = BitConverter.ToUInt32(elf, (int)sh + 4);
            if (type != ShtGnuVerneed) continue;
            long offset = (long)BitConverter.ToUInt64(elf, (int)sh + 0x18);
            uint link = BitConverter.ToUInt32(elf, (int)sh + 0x28);
            long strSh = (long)shoff + (long)link * shentsize;
            long strOff = (long)BitConverter.ToUInt64(elf, (int)strSh + 0x18);

            long vn = offset;
            while (true)
            {
                int cnt = BitConverter.ToUInt16(elf, (int)vn + 2);
                uint auxOff = BitConverter.ToUInt32(elf, (int)vn + 8);
                uint next = BitConverter.ToUInt32(elf, (int)vn + 12);
                long aux = vn + auxOff;
                for (int a = 0; a < cnt; a++)
                {
                    ushort flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                    uint name = BitConverter.ToUInt32(elf, (int)aux + 8);
                    if (ReadString(elf, strOff + name) == Version)
                    {
                        if ((flags & VerFlgWeak) != 0) return $"{Version} already weak";
                        BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(elf, (int)aux + 4);
                        var tmp = path + ".weak-tmp";
                        File.WriteAllBytes(tmp, elf);
                        File.Replace(tmp, path, null); // atomic rename over the original
                        return $"marked {Version} weak";
                    }
                    uint auxNext = BitConverter.ToUInt32(elf, (int)aux + 12);
                    if (auxNext == 0) break;
                    aux += auxNext;
                }
                if (next == 0) break;
                vn += next;
            }
        }
        return $"no need for {Version}";
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return i;
        }
        return -1;
    }

    private static string ReadString(byte[] data, long start)
    {
        long end = start;
        while (end < data.Length && data[end] != 0) end++;
        return Encoding.ASCII.GetString(data, (int)start, (int)(end - start));
    }
}
