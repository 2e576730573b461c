using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Web.Data.Configurations;

public sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(200).IsRequired();

        // Removing an action item must not take its money with it silently: the line stays
        // on the sub-project. NoAction also avoids SQL Server's multiple-cascade-path error.
        builder.HasOne(b => b.ActionItem).WithMany().HasForeignKey(b => b.ActionItemId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.HasMany(b => b.Amounts).WithOne().HasForeignKey(a => a.BudgetLineId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BudgetAmountConfiguration : IEntityTypeConfiguration<BudgetAmount>
{
    public void Configure(EntityTypeBuilder<BudgetAmount> builder)
    {
        builder.ToTable("BudgetAmounts");
        builder.HasIndex(a => new { a.BudgetLineId, a.Year }).IsUnique();
    }
}
