using TorchSharp;
using static TorchSharp.torch;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Platform;

[Collection(TorchCollection.Name)]
public class TorchSharpTests
{
    [Fact]
    public void SmallNetwork_ForwardAndBackward_ProducesFiniteGradientsAndLearns()
    {
        torch.manual_seed(1);
        using var net = nn.Sequential(("l1", nn.Linear(4, 8)), ("relu", nn.ReLU()), ("l2", nn.Linear(8, 1)));
        using var x = torch.randn(32, 4);
        using var y = x.sum(1, keepdim: true);
        using var optimizer = torch.optim.Adam(net.parameters(), lr: 0.05);

        double first = double.NaN, last = double.NaN;
        for (int step = 0; step < 60; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(net.forward(x), y);
            loss.backward();
            foreach (var p in net.parameters())
                Assert.True(p.grad is not null && torch.isfinite(p.grad).all().item<bool>());
            optimizer.step();
            double value = loss.item<float>();
            if (step == 0) first = value;
            last = value;
        }
        Assert.True(last < first * 0.2, $"loss went from {first} to {last}");
    }

    [Fact]
    public void NativeShim_InTestOutput_LoadsOrIsPatched()
    {
        var shim = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(shim), $"TorchSharp's native shim is missing from the test output: {shim}");
        var systemHasTag = File.Exists("/usr/lib/x86_64-linux-gnu/libstdc++.so.6")
            && System.Text.Encoding.ASCII.GetString(File.ReadAllBytes("/usr/lib/x86_64-linux-gnu/libstdc++.so.6")).Contains("GLIBCXX_3.4.32");
        if (!systemHasTag)
            Assert.Equal(2, GlibcxxNeedFlags(shim) & 2);
    }

    /// <summary>vna_flags of the GLIBCXX_3.4.32 entry in .gnu.version_r, read independently of the build task.</summary>
    private static int GlibcxxNeedFlags(string path)
    {
        var elf = File.ReadAllBytes(path);
        long shoff = BitConverter.ToInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A), shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (int i = 0; i < shnum; i++)
        {
            int sh = (int)(shoff + i * shentsize);
            if (BitConverter.ToUInt32(elf, sh + 4) != 0x6ffffffe) continue;
            int off = (int)BitConverter.ToInt64(elf, sh + 0x18);
            int strSh = (int)(shoff + BitConverter.ToUInt32(elf, sh + 0x28) * shentsize);
            int str = (int)BitConverter.ToInt64(elf, strSh + 0x18);
            for (int vn = off; ; )
            {
                int cnt = BitConverter.ToUInt16(elf, vn + 2);
                int aux = vn + (int)BitConverter.ToUInt32(elf, vn + 8);
                for (int a = 0; a < cnt; a++)
                {
                    int name = str + (int)BitConverter.ToUInt32(elf, aux + 8);
                    int end = Array.IndexOf(elf, (byte)0, name);
                    if (System.Text.Encoding.ASCII.GetString(elf, name, end - name) == "GLIBCXX_3.4.32")
                        return BitConverter.ToUInt16(elf, aux + 4);
                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }
                int next = (int)BitConverter.ToUInt32(elf, vn + 12);
                if (next == 0) break;
                vn += next;
            }
        }
        throw new InvalidDataException($"{path} has no GLIBCXX_3.4.32 version need");
    }
}
