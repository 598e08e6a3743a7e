x = "héllo" + + )
