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

        // The global stamps exist from the first migration on; a government's are inserted by
        // its first save (ChangeStampWriter's upsert).
        builder.HasData(
            new ChangeStamp { Name = ChangeStamp.Planning, Token = ChangeStamp.InitialToken },
            new ChangeStamp { Name = ChangeStamp.Results, Token = ChangeStamp.InitialResultsToken });
    }
}
