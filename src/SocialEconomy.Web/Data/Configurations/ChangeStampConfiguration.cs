using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialEconomy.Web.Data.Configurations;

public sealed class ChangeStampConfiguration : IEntityTypeConfiguration<ChangeStamp>
{
    public void Configure(EntityTypeBuilder<ChangeStamp> builder)
    {
        builder.ToTable("ChangeStamps");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(32);

        // Saves update the row, never insert it: it must exist from the first migration on.
        builder.HasData(
            new ChangeStamp { Name = ChangeStamp.Planning, Token = ChangeStamp.InitialToken },
            new ChangeStamp { Name = ChangeStamp.Results, Token = ChangeStamp.InitialResultsToken });
    }
}
